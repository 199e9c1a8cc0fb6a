namespace Gateway.Barcodes.Vds.Internal;

/// <summary>Where the signature zone is: its tag byte (0xFF; also the end of the signed data) and its value.</summary>
/// <param name="Start">Offset of the 0xFF tag: header and message zone are the bytes before it.</param>
/// <param name="ValueOffset">Offset of the signature value (r‖s).</param>
/// <param name="ValueLength">Length of the signature value.</param>
internal readonly record struct SignatureZone(int Start, int ValueOffset, int ValueLength);
