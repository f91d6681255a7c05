package io.stockage.core.internal;

import io.stockage.ByteRange;
import io.stockage.Content;
import io.stockage.Files;
import io.stockage.Item;
import io.stockage.ItemId;
import io.stockage.ItemPatch;
import io.stockage.Location;
import io.stockage.NewContent;
import io.stockage.Page;
import io.stockage.PageRequest;
import io.stockage.Subject;
import io.stockage.Upload;
import java.util.Optional;

/** {@link Files} over the services that implement its parts. */
public final class FilesView implements Files {
  private final TreeService tree;
  private final ContentService contents;
  private final MetadataService metadata;
  private final AccessService access;

  /** The view over these services. */
  public FilesView(TreeService tree, ContentService contents, MetadataService metadata, AccessService access) {
    this.tree = tree;
    this.contents = contents;
    this.metadata = metadata;
    this.access = access;
  }

  @Override
  public Item createFolder(Subject subject, Location location, String name) {
    return tree.createFolder(subject, location, name);
  }

  @Override
  public Item upload(Subject subject, Upload upload) {
    return contents.upload(subject, upload);
  }

  @Override
  public Item write(Subject subject, ItemId file, NewContent content) {
    return contents.write(subject, file, content);
  }

  @Override
  public Content open(Subject subject, ItemId file) {
    return contents.open(subject, file, Optional.empty());
  }

  @Override
  public Content open(Subject subject, ItemId file, ByteRange range) {
    return contents.open(subject, file, Optional.of(range));
  }

  @Override
  public Item stat(Subject subject, ItemId item) {
    return tree.stat(subject, item);
  }

  @Override
  public Page<Item> list(Subject subject, Location folder, io.stockage.ListOrder order, PageRequest page) {
    return tree.list(subject, folder, order, page);
  }

  @Override
  public Page<Item> vaultFiles(Subject subject, PageRequest page) {
    return access.vaultFiles(subject, page);
  }

  @Override
  public Item rename(Subject subject, ItemId item, String newName) {
    return tree.rename(subject, item, newName);
  }

  @Override
  public Item move(Subject subject, ItemId item, Location target) {
    return tree.move(subject, item, target);
  }

  @Override
  public Item copy(Subject subject, ItemId file, Location target, String name) {
    return tree.copy(subject, file, target, name);
  }

  @Override
  public Item update(Subject subject, ItemId item, ItemPatch patch) {
    return metadata.update(subject, item, patch);
  }

  @Override
  public Item trash(Subject subject, ItemId item) {
    return tree.delete(subject, item);
  }

  @Override
  public io.stockage.Page<Item> trashed(Subject subject, String project, io.stockage.PageRequest page) {
    return tree.trashed(subject, project, page);
  }

  @Override
  public Item restore(Subject subject, ItemId item) {
    return tree.restore(subject, item);
  }

  @Override
  public void purge(Subject subject, ItemId item) {
    tree.purge(subject, item);
  }
}
