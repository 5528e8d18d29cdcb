// Tests share libtorch's global state (thread pool, live-tensor count used by leak checks): run them one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
