// What the team's listing catalog says about one listing: data the conversation shows, looked up by the app.

/**
 * What the team's listing catalog (from its last store sweep) says about a reported listing: not loaded,
 * not in it, or in it with its title and the watched marks that title carries.
 */
export type CatalogLookup =
  | { status: 'none' }
  | { status: 'absent'; count: number; loadedAt: string; partial: boolean }
  | { status: 'present'; title: string; marks: string[] };
