package io.stockage;

/** Who is the source of truth for a mount's items. */
public enum MountMode {
  /** The catalog: stable ids, revisions, per-item access, search, events. */
  MANAGED,
  /** The backend: items addressed by path and listed live; no revision history. */
  LIVE
}
