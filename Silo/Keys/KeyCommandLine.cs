namespace TimerGrid.Silo.Keys;

/// <summary>
/// <c>keys create --db &lt;db|*&gt; --role &lt;role&gt; [--name n]</c>, <c>keys list</c>, <c>keys revoke &lt;id&gt;</c>; any other
/// <c>--Key=value</c> or <c>--Key value</c> is configuration, as for the node (<c>--TimerGrid:DataDir</c>, <c>--TimerGrid:Storage</c>...).
/// </summary>
internal sealed record KeyCommandLine(string Verb, IReadOnlyDictionary<string, string> Options, IReadOnlyList<string> Positional, string[] Configuration)
{
    public const string Usage = """
        usage: keys create --db <db|*> --role <read|write|admin> [--name <name>]
               keys list
               keys revoke <id>
        with the node's configuration, e.g. --TimerGrid:DataDir=<dir> or --TimerGrid:Storage=Postgres --TimerGrid:ConnectionString=<...>
        """;

    private static readonly string[] OptionNames = ["--db", "--role", "--name"];

    /// <summary>The arguments after <c>keys</c>; null when they do not make a command.</summary>
    public static KeyCommandLine? Parse(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            return null;
        }
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var positional = new List<string>();
        var configuration = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            var arg = args[i];
            if (OptionNames.Contains(arg))
            {
                if (i + 1 == args.Length || !options.TryAdd(arg[2..], args[++i]))
                {
                    return null;   // no value, or given twice
                }
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                configuration.Add(arg);
                if (!arg.Contains('=') && i + 1 < args.Length)
                {
                    configuration.Add(args[++i]);
                }
            }
            else
            {
                positional.Add(arg);
            }
        }
        return new KeyCommandLine(args[0], options, positional, [.. configuration]);
    }
}
