// The simulated document reader announces every document it reads on one process-wide desk, and every running simulated
// chip reader takes that document's chip: tests running side by side would lay their documents on each other's chip
// readers. The tests of this assembly run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
