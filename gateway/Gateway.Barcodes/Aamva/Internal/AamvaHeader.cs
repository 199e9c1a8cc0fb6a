namespace Gateway.Barcodes.Aamva.Internal;

/// <summary>One subfile designator of the header: type, offset from the file start, length.</summary>
/// <param name="Type">Two characters: DL, ID, or a jurisdiction's Z? subfile.</param>
/// <param name="Offset">Offset of the subfile from the compliance indicator '@', as declared.</param>
/// <param name="Length">Length of the subfile including its segment terminator, as declared.</param>
/// <param name="At">Where the designator itself stands in the input, for messages.</param>
internal sealed record AamvaDesignator(string Type, int Offset, int Length, int At);

/// <summary>What the header says, as far as it could be read.</summary>
/// <param name="FileStart">Input offset the designator offsets count from (the '@', or where it should have been).</param>
/// <param name="Version">The AAMVA version number; 0 for pre-standard cards.</param>
/// <param name="Designators">The subfile designators read.</param>
/// <param name="DataStart">Input offset just after the designators, where the first subfile normally starts.</param>
internal sealed record AamvaHeader(int FileStart, int Version, IReadOnlyList<AamvaDesignator> Designators, int DataStart);
