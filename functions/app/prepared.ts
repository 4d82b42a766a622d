/**
 * An answer already validated against its route's response schema and serialised, which the
 * adapter sends as it is: for cached answers served many times a second (the public listing),
 * the schema check and JSON.stringify run once per assembly instead of once per request.
 */
export class PreparedJson {
  constructor(readonly json: string) {}
}
