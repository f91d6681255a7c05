package io.stockage.examples.springcontent;

import org.springframework.data.jpa.repository.JpaRepository;

/** The documents' rows. */
public interface DocumentRepository extends JpaRepository<Document, Long> {}
