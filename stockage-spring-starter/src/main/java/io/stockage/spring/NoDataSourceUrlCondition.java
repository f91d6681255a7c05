package io.stockage.spring;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when the host did not point {@code spring.datasource.url} at a database. */
class NoDataSourceUrlCondition extends SpringBootCondition {
  @Override
  public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
    return context.getEnvironment().containsProperty("spring.datasource.url")
        ? ConditionOutcome.noMatch("spring.datasource.url is set")
        : ConditionOutcome.match("spring.datasource.url is not set");
  }
}
