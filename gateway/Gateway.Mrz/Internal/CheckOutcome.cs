namespace Gateway.Mrz.Internal;

/// <summary>What evaluating all check digits of a buffer found, besides the per-check results.</summary>
/// <param name="FailedMask">Bit i set when check i of the layout failed.</param>
/// <param name="Tolerances">Tolerances the checks relied on.</param>
/// <param name="ContinuationLength">
/// For a long TD1/TD2 document number: characters of the number continued in the optional data (check digit excluded);
/// 0 otherwise.
/// </param>
/// <param name="MissingContinuation">A long document number was announced (<c>&lt;</c> check digit) but not continued.</param>
internal readonly record struct CheckOutcome(int FailedMask, MrzTolerances Tolerances, int ContinuationLength, bool MissingContinuation);
