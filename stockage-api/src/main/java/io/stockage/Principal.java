package io.stockage;

/**
 * Whom an access entry, a project role or a mount role names: a user ({@link UserId}) or a team
 * ({@link TeamId}).
 */
public sealed interface Principal permits UserId, TeamId {

  /** The id, as the host knows it. */
  String value();

  /** Whether a user or a team. */
  Kind kind();

  /** The kinds of principal. */
  enum Kind {
    /** A user. */
    USER,
    /** A team; its members get the role. */
    TEAM
  }

  /** The principal of that kind and id (as a catalog stores them). */
  static Principal of(Kind kind, String value) {
    return kind == Kind.USER ? UserId.of(value) : TeamId.of(value);
  }
}
