import path from 'node:path';

/** Who publishes, who funds, and where the official schema is: set per deployment. */
export interface IatiConfig {
  /** The reporting organisation's IATI identifier; every activity identifier starts with it. */
  orgRef: string;
  orgName: string;
  /** OrganisationType code of the reporting organisation (40 = multilateral). */
  orgType: string;
  funderRef: string;
  funderName: string;
  funderType: string;
  /**
   * The address Tandem is reached at (TANDEM_PUBLIC_URL), which makes document links absolute; when
   * unset, the export takes the address of the request.
   */
  publicUrl?: string;
  /** A folder with iati-activities-schema.xsd, iati-common.xsd and xml.xsd; unset: no XSD check. */
  schemaDir: string | undefined;
}

/** A placeholder, flagged on the problems list until a deployment sets its own identifier. */
export const EXAMPLE_ORG_REF = 'XI-IATI-EXAMPLE';

// An organisation identifier is a registration-agency prefix, a hyphen and the agency's id; IATI
// forbids spaces, slashes and the like because the identifier becomes part of every activity's.
const orgRefPattern = /^[A-Za-z]{2}(-[A-Za-z0-9_.]+)+$/;

function orgRef(name: string, value: string): string {
  if (!orgRefPattern.test(value)) {
    throw new Error(
      `${name} must be an IATI organisation identifier such as XM-DAC-41128 (letters, digits, hyphens), not "${value}"`,
    );
  }
  return value;
}

function orgType(name: string, value: string): string {
  if (!/^\d{2}$/.test(value))
    throw new Error(`${name} must be a two-digit OrganisationType code, not "${value}"`);
  return value;
}

export function readIatiConfig(env: NodeJS.ProcessEnv = process.env): IatiConfig {
  return {
    orgRef: orgRef('TANDEM_IATI_ORG_REF', env.TANDEM_IATI_ORG_REF || EXAMPLE_ORG_REF),
    orgName: env.TANDEM_IATI_ORG_NAME || 'Technical assistance facility on migration (Tandem)',
    orgType: orgType('TANDEM_IATI_ORG_TYPE', env.TANDEM_IATI_ORG_TYPE || '40'),
    // The European Commission's Directorate-General for International Partnerships, as it
    // identifies itself in IATI; EU institutions report type 15 (other public sector).
    funderRef: orgRef('TANDEM_IATI_FUNDER_REF', env.TANDEM_IATI_FUNDER_REF || 'XI-IATI-EC_INTPA'),
    funderName: env.TANDEM_IATI_FUNDER_NAME || 'European Union',
    funderType: orgType('TANDEM_IATI_FUNDER_TYPE', env.TANDEM_IATI_FUNDER_TYPE || '15'),
    publicUrl: env.TANDEM_PUBLIC_URL ? env.TANDEM_PUBLIC_URL.replace(/\/+$/, '') : undefined,
    schemaDir: env.TANDEM_IATI_SCHEMA_DIR ? path.resolve(env.TANDEM_IATI_SCHEMA_DIR) : undefined,
  };
}
