package io.stockage.core;

import io.stockage.core.internal.ChangeRelay;
import io.stockage.core.internal.Indexer;
import io.stockage.core.internal.LiveWatcher;
import io.stockage.core.internal.UploadService;
import io.stockage.core.internal.UrlSigner;
import java.time.Duration;

/**
 * What the builder hands the engine besides its context.
 *
 * @param liveListingTtl how long a live mount's listing is cached
 * @param signer the signer of host-served download URLs
 * @param indexing how the indexing worker runs
 * @param changes how the change feed is pushed and kept
 * @param liveWatch how live mounts are scanned for the change feed
 * @param uploads how resumable uploads run
 */
record EngineOptions(Duration liveListingTtl, UrlSigner signer, Indexer.Options indexing,
    ChangeRelay.Options changes, LiveWatcher.Options liveWatch, UploadService.Options uploads) {}
