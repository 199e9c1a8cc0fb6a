using Gateway.Imaging.Portraits;

namespace Gateway.Imaging.Tests.Portraits;

public sealed class PortraitFeedbackCodesTests
{
    [Fact]
    public void All_EveryFeedbackHasADistinctSnakeCaseCode()
    {
        Assert.Equal(Enum.GetValues<PortraitFeedback>().Length, PortraitFeedbackCodes.All.Distinct().Count());
        Assert.All(PortraitFeedbackCodes.All, code => Assert.Matches("^[a-z]+(_[a-z]+)*$", code));
    }

    [Fact]
    public void Of_MoveCloser_IsStable()
    {
        Assert.Equal("move_closer", PortraitFeedbackCodes.Of(PortraitFeedback.MoveCloser));
    }
}
