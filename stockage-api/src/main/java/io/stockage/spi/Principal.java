package io.stockage.spi;

import io.stockage.TeamId;
import io.stockage.UserId;
import java.util.Objects;

/**
 * Whom an access entry names: a user or a team.
 *
 * @param type user or team
 * @param id the user or team id
 */
public record Principal(Type type, String id) {
  /** The kinds of principal. */
  public enum Type {
    /** A user. */
    USER,
    /** A team; its members get the entry's role. */
    TEAM
  }

  /** Validates. */
  public Principal {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
  }

  /** The principal of a user. */
  public static Principal user(UserId user) {
    return new Principal(Type.USER, user.value());
  }

  /** The principal of a team. */
  public static Principal team(TeamId team) {
    return new Principal(Type.TEAM, team.value());
  }
}
