/**
 * `privacy_exports`: one per file a resident's data export wrote to storage. The file lies under a
 * random folder and its link expires within minutes; this record is how deleting the account finds
 * the file to delete it.
 */
export interface PrivacyExportDocument {
  _id?: string;
  /** The resident whose data the file holds. */
  openid: string;
  fileID: string;
  createdAt: Date;
}
