package io.stockage.examples.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/** Prints where the server listens once it does. */
@Component
class StartupBanner implements ApplicationListener<WebServerInitializedEvent> {
  private static final Logger LOG = LoggerFactory.getLogger(StartupBanner.class);

  @Override
  public void onApplicationEvent(WebServerInitializedEvent event) {
    LOG.info("Stockage sample server ready: http://localhost:{}/api/v1/projects (OpenAPI: /v3/api-docs)",
        event.getWebServer().getPort());
  }
}
