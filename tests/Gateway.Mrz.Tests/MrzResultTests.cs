namespace Gateway.Mrz.Tests;

/// <summary>Derived facts: age, minority, expiry, and the reference date they are judged against.</summary>
public sealed class MrzResultTests
{
    private static MrzResult Parse(DateOnly birth, DateOnly expiry, MrzParseOptions options) =>
        MrzParser.Parse(MrzGenerator.Generate(TestData.Td3() with { DateOfBirth = birth, DateOfExpiry = expiry }), options);

    [Fact]
    public void Age_DayBeforeEighteenthBirthday_IsMinor()
    {
        var result = Parse(new DateOnly(2007, 6, 2), new DateOnly(2030, 1, 1), Specimens.Options);

        Assert.Equal(17, result.Age);
        Assert.True(result.IsMinor);
        Assert.True(result.Valid);
    }

    [Fact]
    public void Age_OnEighteenthBirthday_IsNotMinor()
    {
        var result = Parse(new DateOnly(2007, 6, 1), new DateOnly(2030, 1, 1), Specimens.Options);

        Assert.Equal(18, result.Age);
        Assert.False(result.IsMinor);
    }

    [Fact]
    public void IsMinor_UsesConfiguredAgeOfMajority()
    {
        var result = Parse(new DateOnly(2005, 1, 1), new DateOnly(2030, 1, 1), Specimens.Options with { AgeOfMajority = 21 });

        Assert.Equal(20, result.Age);
        Assert.True(result.IsMinor);
    }

    [Fact]
    public void IsExpired_ExpiredDocument_IsAFlagNotAnError()
    {
        var result = Parse(new DateOnly(1980, 1, 1), new DateOnly(2025, 5, 31), Specimens.Options);

        Assert.True(result.IsExpired);
        Assert.True(result.Valid);
        Assert.False(result.ExpiresSoon);
    }

    [Fact]
    public void ExpiresSoon_WithinWarningDays_IsTrueAndExpiresWithinHonoursItsArgument()
    {
        var result = Parse(new DateOnly(1980, 1, 1), new DateOnly(2025, 6, 30), Specimens.Options with { ExpiryWarningDays = 30 });

        Assert.False(result.IsExpired);
        Assert.True(result.ExpiresSoon);
        Assert.False(result.ExpiresWithin(28));
        Assert.True(result.ExpiresWithin(29));
    }

    [Fact]
    public void ReferenceDate_FromTimeProviderWhenNotGiven()
    {
        var clock = new FixedClock(new DateTimeOffset(2040, 3, 1, 12, 0, 0, TimeSpan.Zero));

        var result = Parse(new DateOnly(2030, 1, 1), new DateOnly(2031, 1, 1), new MrzParseOptions { TimeProvider = clock });

        Assert.Equal(new DateOnly(2040, 3, 1), result.ReferenceDate);
        Assert.Equal(10, result.Age);
        Assert.True(result.IsExpired);
    }

    [Fact]
    public void DateOfBirth_TwoDigitYear_IsMostRecentPastRelativeToReference()
    {
        var mrz = MrzGenerator.Generate(TestData.Td3() with { DateOfBirth = new DateOnly(2025, 5, 1) });

        Assert.Equal(2025, MrzParser.Parse(mrz, Specimens.Options).DateOfBirth.Year);
        Assert.Equal(1925, MrzParser.Parse(mrz, Specimens.Options with { ReferenceDate = new DateOnly(2025, 4, 30) }).DateOfBirth.Year);
        Assert.Equal(MrzCenturyRule.MostRecentPast, MrzParser.Parse(mrz, Specimens.Options).DateOfBirth.CenturyRule);
    }

    [Fact]
    public void DateOfExpiry_TwoDigitYear_UsesForwardWindow()
    {
        var mrz = MrzGenerator.Generate(TestData.Td3() with { DateOfExpiry = new DateOnly(2070, 1, 1) });

        var wide = MrzParser.Parse(mrz, Specimens.Options);
        var narrow = MrzParser.Parse(mrz, Specimens.Options with { ExpiryWindowYears = 20 });

        Assert.Equal((2070, MrzCenturyRule.ForwardWindow), (wide.DateOfExpiry.Year, wide.DateOfExpiry.CenturyRule));
        Assert.Equal(1970, narrow.DateOfExpiry.Year);
        Assert.True(wide.Tolerances.HasFlag(MrzTolerances.ExpiryYearForwardWindow | MrzTolerances.BirthYearMostRecentPast));
    }

    [Fact]
    public void IsExpired_FrenchCardWithoutExpiry_IsUnknown()
    {
        var result = MrzParser.Parse(Specimens.French, Specimens.Options);

        Assert.Null(result.IsExpired);
        Assert.Equal(MrzDateStatus.Absent, result.DateOfExpiry.Status);
        Assert.Equal("FRA", result.NationalityCode);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
