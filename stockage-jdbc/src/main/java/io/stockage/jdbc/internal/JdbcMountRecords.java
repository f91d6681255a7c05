package io.stockage.jdbc.internal;

import io.stockage.MountMember;
import io.stockage.MountRole;
import io.stockage.OrgId;
import io.stockage.Principal;
import io.stockage.TeamId;
import io.stockage.UserId;
import io.stockage.spi.catalog.MountRecords;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** Roles on live mounts in {@code mount_members}. */
public final class JdbcMountRecords implements MountRecords {
  private final Handle handle;

  /** Records on the transaction's handle. */
  public JdbcMountRecords(Handle handle) {
    this.handle = Objects.requireNonNull(handle, "handle");
  }

  @Override
  public Optional<MountRole> role(String mount, OrgId org, UserId user, Set<TeamId> teams) {
    return handle.createQuery("""
            SELECT role FROM mount_members WHERE mount = :mount AND org_id = :org
              AND ((principal_type = 'USER' AND principal_id = :user)
                OR (principal_type = 'TEAM' AND principal_id = ANY (CAST(:teams AS text[]))))""")
        .bind("mount", mount)
        .bind("org", org.value())
        .bind("user", user.value())
        .bindArray("teams", String.class, teams.stream().map(TeamId::value).toList())
        .map((rows, ctx) -> MountRole.valueOf(rows.getString("role")))
        .list()
        .stream()
        .reduce(MountRole::max);
  }

  @Override
  public MountMember put(String mount, OrgId org, Principal principal, MountRole role, Instant at) {
    return handle.createQuery("""
            INSERT INTO mount_members (mount, org_id, principal_type, principal_id, role, granted_at)
            VALUES (:mount, :org, :type, :id, :role, :at)
            ON CONFLICT (mount, org_id, principal_type, principal_id) DO UPDATE SET role = EXCLUDED.role
            RETURNING mount, principal_type, principal_id, role""")
        .bind("mount", mount)
        .bind("org", org.value())
        .bind("type", principal.kind().name())
        .bind("id", principal.value())
        .bind("role", role.name())
        .bind("at", Rows.at(at))
        .map(JdbcMountRecords::member)
        .one();
  }

  @Override
  public boolean remove(String mount, OrgId org, Principal principal) {
    return handle.createUpdate("""
            DELETE FROM mount_members WHERE mount = :mount AND org_id = :org
              AND principal_type = :type AND principal_id = :id""")
        .bind("mount", mount)
        .bind("org", org.value())
        .bind("type", principal.kind().name())
        .bind("id", principal.value())
        .execute() > 0;
  }

  @Override
  public List<MountMember> members(String mount, OrgId org) {
    return handle.createQuery("""
            SELECT mount, principal_type, principal_id, role FROM mount_members
            WHERE mount = :mount AND org_id = :org ORDER BY principal_type DESC, principal_id COLLATE "C\"""")
        .bind("mount", mount)
        .bind("org", org.value())
        .map(JdbcMountRecords::member)
        .list();
  }

  private static MountMember member(ResultSet rows, StatementContext ctx) throws SQLException {
    return new MountMember(rows.getString("mount"),
        Principal.of(Principal.Kind.valueOf(rows.getString("principal_type")), rows.getString("principal_id")),
        MountRole.valueOf(rows.getString("role")));
  }
}
