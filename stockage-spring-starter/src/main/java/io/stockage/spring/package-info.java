/**
 * Spring Boot auto-configuration of Stockage from {@code stockage.*} properties: add
 * {@code io.stockage:stockage-spring-starter} and inject {@link io.stockage.Stockage}.
 */
package io.stockage.spring;
