using Gateway.Mrz;

namespace Gateway.MrzOcr;

/// <summary>One MRZ position as the recogniser read it.</summary>
/// <param name="Character">The recogniser's first choice.</param>
/// <param name="Confidence">Its probability, 0–1.</param>
/// <param name="Alternatives">The first choice and the next most likely readings, most likely first.</param>
public sealed record MrzOcrCharacter(char Character, float Confidence, IReadOnlyList<MrzAlternative> Alternatives);
