package io.stockage.examples.server;

import io.stockage.ErrorKind;
import io.stockage.NewProject;
import io.stockage.ProjectRole;
import io.stockage.Stockage;
import io.stockage.StockageException;
import io.stockage.Subject;
import io.stockage.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Seeds project {@code bridge} of {@code acme} at first start (alice ADMIN, bob EDITOR, carol
 * VIEWER), and roles on {@code acme}'s live mounts (bob EDITOR, carol VIEWER; alice manages them as
 * the organization's admin).
 */
@Component
class DemoData implements ApplicationRunner {
  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

  private final Stockage stockage;

  DemoData(Stockage stockage) {
    this.stockage = stockage;
  }

  @Override
  public void run(ApplicationArguments args) {
    Subject alice = DemoUsers.SUBJECTS.get("alice");
    try {
      stockage.projects().create(alice, NewProject.of("bridge", "Bridge").withDescription("Demo project"));
      stockage.projects().addMember(alice, "bridge", UserId.of("bob"), ProjectRole.EDITOR);
      stockage.projects().addMember(alice, "bridge", UserId.of("carol"), ProjectRole.VIEWER);
      LOG.info("Seeded demo project acme/bridge: alice ADMIN, bob EDITOR, carol VIEWER");
    } catch (StockageException e) {
      if (e.kind() != ErrorKind.ALREADY_EXISTS) {
        throw e;
      }
    }
    stockage.mounts().list(alice).stream().filter(m -> m.mode() == io.stockage.MountMode.LIVE).forEach(m -> {
      stockage.live().grant(alice, m.name(), io.stockage.UserId.of("bob"), io.stockage.MountRole.EDITOR);
      stockage.live().grant(alice, m.name(), io.stockage.UserId.of("carol"), io.stockage.MountRole.VIEWER);
      LOG.info("Live mount {}: bob EDITOR, carol VIEWER", m.name());
    });
  }
}
