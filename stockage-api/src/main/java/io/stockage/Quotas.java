package io.stockage;

/**
 * Storage quotas ({@link Stockage#quotas()}), per organization and per project, in bytes. Usage is
 * the bytes of the distinct contents (by SHA-256) among the revisions of the scope's files, trashed
 * files and older revisions included: identical content counts once per scope, as the
 * content-addressed store keeps it once. Uploads, new revisions and restores are checked against
 * both limits: when the declared size says so before a byte is stored (a resumable upload at
 * {@link Uploads#create}), else as soon as the bytes streamed pass the room left, and once more in
 * the transaction that records them; each refusal is {@link ErrorKind#QUOTA_EXCEEDED} and leaves
 * nothing behind. A scope without a limit is not metered on the upload path.
 */
public interface Quotas {

  /** The organization's usage and limit; any subject of the organization may read them. */
  Quota organization(Subject subject);

  /** A project's usage and limit; needs {@code VIEW} on the project. */
  Quota project(Subject subject, String project);

  /** Sets or lifts the organization's limit; needs organization {@code ADMIN}. */
  Quota limitOrganization(Subject subject, QuotaLimit limit);

  /** Sets or lifts a project's limit; needs organization {@code ADMIN}. */
  Quota limitProject(Subject subject, String project, QuotaLimit limit);
}
