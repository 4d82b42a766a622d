/**
 * Every key of the single table, spelled once. Nothing outside store/ sees these shapes.
 *
 *  item               PK                    SK                    GSI1PK                 GSI1SK
 *  district           DISTRICTS             DISTRICT#<id>
 *  provider           PROVIDER#<id>         PROFILE               DISTRICT#<district>    <status>#<id>
 *  offering           PROVIDER#<id>         OFFERING#<oid>
 *  offering owner     OFFERING#<oid>        OWNER                 (offering ids are unique across providers)
 *  slot               PROVIDER#<id>         SLOT#<date>#<oid>
 *  account            ACCOUNT#<username>    ACCOUNT               (staff and admins)
 *  recipient          RECIPIENT#<id>        PROFILE
 */
export const keys = {
  districts: () => 'DISTRICTS',
  district: (id: string) => ({ PK: 'DISTRICTS', SK: `DISTRICT#${id}` }),
  districtPrefix: 'DISTRICT#',

  providerPK: (id: string) => `PROVIDER#${id}`,
  provider: (id: string) => ({ PK: `PROVIDER#${id}`, SK: 'PROFILE' }),
  providerIndex: (district: string, status: string, id: string) => ({
    GSI1PK: `DISTRICT#${district}`,
    GSI1SK: `${status}#${id}`,
  }),
  providersInDistrict: (district: string) => `DISTRICT#${district}`,

  offering: (providerId: string, offeringId: string) => ({ PK: `PROVIDER#${providerId}`, SK: `OFFERING#${offeringId}` }),
  offeringPrefix: 'OFFERING#',
  offeringOwner: (offeringId: string) => ({ PK: `OFFERING#${offeringId}`, SK: 'OWNER' }),

  slot: (providerId: string, date: string, offeringId: string) => ({
    PK: `PROVIDER#${providerId}`,
    SK: `SLOT#${date}#${offeringId}`,
  }),
  slotPrefix: (date: string) => `SLOT#${date}#`,

  account: (username: string) => ({ PK: `ACCOUNT#${username}`, SK: 'ACCOUNT' }),
  recipient: (id: string) => ({ PK: `RECIPIENT#${id}`, SK: 'PROFILE' }),
} as const;
