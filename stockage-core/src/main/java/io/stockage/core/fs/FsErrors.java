package io.stockage.core.fs;

import io.stockage.ErrorKind;
import io.stockage.StockageException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Maps the file system's exceptions to error kinds: the one place this provider does it. */
final class FsErrors {
  private FsErrors() {}

  static StockageException map(IOException e, String operation, String key) {
    String what = operation + " " + key;
    if (e instanceof NoSuchFileException || e instanceof NotDirectoryException) {
      return StockageException.of(ErrorKind.NOT_FOUND, "no object " + key, e);
    }
    if (e instanceof AccessDeniedException) {
      return StockageException.of(ErrorKind.PERMISSION_DENIED, what + ": access denied by the file system", e);
    }
    if (e instanceof FileAlreadyExistsException || e instanceof DirectoryNotEmptyException) {
      return StockageException.of(ErrorKind.ALREADY_EXISTS, what + ": " + e.getMessage(), e);
    }
    if (e instanceof FileSystemException fse && fse.getReason() != null
        && fse.getReason().contains("No space left")) {
      return StockageException.of(ErrorKind.QUOTA_EXCEEDED, what + ": no space left on device", e);
    }
    return StockageException.of(ErrorKind.UNEXPECTED, what + ": " + e, e);
  }
}
