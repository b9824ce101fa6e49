# One image for every Ayllu process; the command picks which (api, worker, migrate, chain).
# Sources run through swc at start (tools/register.js), the same way as `npm start`, so no build stage.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json .npmrc ./
COPY tools/empty-package ./tools/empty-package
RUN npm ci --no-audit --no-fund && npm cache clean --force
COPY . .
RUN npx hardhat --config contracts/hardhat.config.js compile
USER node
EXPOSE 3000
CMD ["node", "-r", "./tools/register.js", "apps/api/src/main.ts"]
