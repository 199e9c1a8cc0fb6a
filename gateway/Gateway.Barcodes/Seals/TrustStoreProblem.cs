namespace Gateway.Barcodes.Seals;

/// <summary>A file or folder <see cref="TrustStore.Load"/> could not use, and why.</summary>
/// <param name="Path">The file or folder concerned.</param>
/// <param name="Reason">A sentence for people, e.g. "not a certificate".</param>
public readonly record struct TrustStoreProblem(string Path, string Reason);
