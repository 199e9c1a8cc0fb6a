namespace Gateway.Cli;

/// <summary>The streams a command reads and writes, so tests can run commands in-process.</summary>
internal sealed record Console(TextReader In, TextWriter Out, TextWriter Error);
