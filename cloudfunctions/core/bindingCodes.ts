/**
 * A one-time code staff issue so a deputy can bind their WeChat account to their deputy record
 * (admin.issueBindingCode → account.bindDeputy). The code itself is the document id.
 */
export interface BindingCodeDocument extends OneTimeCode {
  deputyId: string;
}

/** What every one-time binding code records: its issue, validity and single use (staff codes too: core/staffCodes.ts). */
export interface OneTimeCode {
  _id: string;
  code: string;
  /** OPENID of the staff member who issued it. */
  issuedBy: string;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  usedBy: string | null;
  revokedAt: Date | null;
}
