namespace Gateway.Barcodes;

/// <summary>One consistency or format check made on a payload.</summary>
/// <param name="Name">A stable snake_case name, e.g. <c>variable_size</c>; unique within a result (leg or subfile suffixed).</param>
/// <param name="Status">Passed, failed or not applicable.</param>
/// <param name="Detail">A sentence for people saying what was compared; never holds personal data.</param>
public readonly record struct PayloadCheck(string Name, CheckStatus Status, string Detail);
