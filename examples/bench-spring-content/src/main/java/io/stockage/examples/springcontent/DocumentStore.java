package io.stockage.examples.springcontent;

import org.springframework.content.fs.store.FilesystemContentStore;

/** The documents' contents, on the local file system. */
public interface DocumentStore extends FilesystemContentStore<Document, String> {}
