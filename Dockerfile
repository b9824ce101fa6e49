# Two images from one build (docker-compose.yml builds both):
# - `runtime` (the default target; api, worker, migrate): production dependencies, compiled contracts, sources.
# - `chain` (the compose chain service, `npm run chain`): every dependency, because the development chain is
#   Hardhat's node deploying Superfluid, Safe and OpenZeppelin contracts from the artifacts their npm packages
#   ship, and all of those are devDependencies.
# The api and the worker run compiled JavaScript (`npm run build` → dist/, built in the `server` stage): loading the
# swc compiler at start would cost each process about 77 MiB of memory. The migrate and chain one-offs run their
# sources through swc (tools/register.js), as `npm start` does.

FROM node:20-bookworm-slim AS deps
WORKDIR /app
# @scarf/scarf (pulled in by swagger-ui) reports installs over the network unless told not to.
ENV SCARF_ANALYTICS=false
COPY package.json package-lock.json .npmrc ./
COPY tools/empty-package ./tools/empty-package
# Dev dependencies included: Hardhat and solc compile the contracts below and the chain image runs Hardhat.
# NODE_ENV=production must not be set before this line, or npm ci would leave them out (--include=dev insists).
RUN npm ci --include=dev --no-audit --no-fund && npm cache clean --force

FROM deps AS chain
ENV HARDHAT_DISABLE_TELEMETRY_PROMPT=true
# /shared is where compose mounts the volume the chain writes its network profile to: a new named volume takes
# the owner of the directory it is mounted over, so the node user can write there.
RUN mkdir -p /shared && chown node:node /app /shared
COPY --chown=node:node . .
USER node
# Compiled here with the solc-js npm installed (contracts/hardhat.config.js: no compiler download), as the user
# the chain runs as: `npm run chain` compiles again at start, a no-op on Hardhat's cache that may rewrite it.
RUN npm run contracts:compile
EXPOSE 8545
CMD ["node", "-r", "./tools/register.js", "tools/chain.ts"]

FROM deps AS web
# The web app (apps/web) built with Vite, a devDependency: the API serves the result from apps/web/dist.
COPY . .
RUN npm run web:build

FROM deps AS server
# The api and the worker compiled to dist/ with swc (tools/build/build-server.ts; `@ayllu/*` imports made relative).
COPY . .
RUN npm run build

FROM deps AS production-deps
# Dev dependencies go only now that the contracts are compiled (in the chain stage, from its own copy of them).
RUN npm prune --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production
COPY --from=production-deps /app/node_modules ./node_modules
# The worker deploys each DAO's TimelockController from the compiled artifact @openzeppelin/contracts ships
# (libs/chain/src/timelock/deploy-timelock.ts); the package is a devDependency, so it is carried over by hand.
COPY --from=deps /app/node_modules/@openzeppelin/contracts ./node_modules/@openzeppelin/contracts
COPY . .
# The worker deploys each DAO's vault proxy and module relay from these (loadAylluArtifact).
COPY --from=chain /app/contracts/artifacts ./contracts/artifacts
COPY --from=web /app/apps/web/dist ./apps/web/dist
COPY --from=server /app/dist ./dist
RUN mkdir -p /shared && chown node:node /shared
USER node
EXPOSE 3000
CMD ["node", "--max-semi-space-size=4", "dist/apps/api/src/main.js"]
