return await Gateway.Cli.GatewayCtl.RunAsync(args, new Gateway.Cli.Console(System.Console.In, System.Console.Out, System.Console.Error));
