package io.stockage.examples.server;

import io.stockage.Stockage;
import io.stockage.Subject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The organization's storage quota: {@code GET /api/v1/quota}, and {@code PUT} for organization admins. */
@RestController
class QuotaController {
  private final Stockage stockage;

  QuotaController(Stockage stockage) {
    this.stockage = stockage;
  }

  @GetMapping("/api/v1/quota")
  ProjectsController.QuotaView organization(Subject subject) {
    return ProjectsController.QuotaView.of(stockage.quotas().organization(subject));
  }

  @PutMapping("/api/v1/quota")
  ProjectsController.QuotaView limit(Subject subject, @RequestBody ProjectsController.LimitBody body) {
    return ProjectsController.QuotaView.of(stockage.quotas().limitOrganization(subject, body.limit()));
  }
}
