namespace Gateway.Barcodes;

/// <summary>The outcome of one <see cref="PayloadCheck"/>.</summary>
public enum CheckStatus
{
    /// <summary>The check held.</summary>
    Passed = 0,

    /// <summary>The check did not hold; an issue or a tolerance says what followed from it.</summary>
    Failed = 1,

    /// <summary>The payload has nothing to check here (for example an optional item left blank).</summary>
    NotApplicable = 2,
}
