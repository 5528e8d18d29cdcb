// The end-to-end tests start child processes and engines that use both cores; running them one at a time keeps
// their timing predictable on a 2-core machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
