// SANE is started once per process with one configuration folder, and every SANE call runs on one thread: the tests of
// this assembly run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
