namespace Gateway.Mrz.Internal;

/// <summary>Where a field sits in a layout (0-based line and column).</summary>
internal readonly record struct FieldSpec(MrzFieldName Name, int Line, int Column, int Length, CharClass Class);
