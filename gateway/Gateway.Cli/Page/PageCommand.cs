using System.CommandLine;

namespace Gateway.Cli.Page;

/// <summary><c>gatewayctl page</c>: page images of full-page readers and scanners.</summary>
internal static class PageCommand
{
    public static Command Create(Console console) => new("page", "Page images of full-page readers and scanners.") { PageAnalyseCommand.Create(console) };
}
