namespace Gateway.MrzOcr;

/// <summary>One MRZ line as read, before the check digits chose among the alternatives.</summary>
/// <param name="Text">The first choices.</param>
/// <param name="Characters">Every position with its confidence and alternatives.</param>
public sealed record MrzOcrLine(string Text, IReadOnlyList<MrzOcrCharacter> Characters);
