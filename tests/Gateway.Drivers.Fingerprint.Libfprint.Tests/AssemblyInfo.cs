// libfprint's virtual device is configured through process-wide environment variables and every libfprint call runs
// on one thread: the tests of this assembly run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
