namespace Gateway.Barcodes;

/// <summary>A real-world deviation from the standard that lenient parsing accepted.</summary>
/// <param name="Name">A stable snake_case name, e.g. <c>lowercase_folded</c>, <c>subfile_located_by_designator</c>.</param>
/// <param name="Offset">0-based offset in the input where the deviation is (as <see cref="PayloadIssue.Offset"/>).</param>
/// <param name="Detail">A sentence for people saying what was found and what was done instead.</param>
public readonly record struct PayloadTolerance(string Name, int Offset, string Detail);
