/**
 * An answer already validated against its route's response schema and serialised, which the
 * adapter sends as it is: for cached answers served many times a second (the public listing),
 * the schema check and JSON.stringify run once per assembly instead of once per request.
 */
export class PreparedJson {
  constructor(readonly json: string) {}
}

/**
 * A change that did not happen yet: it waits for a second administrator (four eyes). The adapter
 * answers 202 with the route's `accepted` body.
 */
export class Accepted<T> {
  constructor(readonly body: T) {}
}
