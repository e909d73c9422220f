using System.Diagnostics;
using Npgsql;

namespace TimerGrid.Tests.Fixtures;

/// <summary>
/// One private PostgreSQL server for the whole test run: initdb into a temp dir, its own port,
/// started as the postgres user when the tests run as root (PostgreSQL refuses root), stopped and removed when the
/// run ends, however it ends (<see cref="RunCleanup"/>).
/// Each fixture gets a database of its own.
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync);

    private readonly string _binDir;
    private readonly string _root;
    private readonly int _port;
    private readonly bool _asPostgres;

    private PostgresServer(string binDir, string root, int port, bool asPostgres) =>
        (_binDir, _root, _port, _asPostgres) = (binDir, root, port, asPostgres);

    private string DataDir => Path.Combine(_root, "data");

    public static Task<PostgresServer> InstanceAsync() => Shared.Value;

    /// <summary>A server of its own, for a test that stops it while others use the shared one; removed at exit too.</summary>
    public static Task<PostgresServer> StartPrivateAsync() => StartAsync();

    /// <summary>An outage: the server goes away at once, dropping every connection.</summary>
    public Task StopAsync() => PgCtlAsync("-m", "immediate", "stop");

    /// <summary>Back after <see cref="StopAsync"/>, on the same port with the same data.</summary>
    public Task StartAgainAsync() => PgCtlAsync(StartArguments(_root, _port));

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"tg_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }
        return ConnectionString(name);
    }

    /// <summary>The superuser on the maintenance database: may create and drop databases.</summary>
    public string ServerConnectionString => ConnectionString("postgres");

    private string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={_port};Username=postgres;Database={database};Maximum Pool Size=50";

    private static async Task<PostgresServer> StartAsync()
    {
        var binDir = FindBinDir();
        var root = Directory.CreateTempSubdirectory("timergrid-pg-").FullName;
        var dataDir = Path.Combine(root, "data");
        var asPostgres = Environment.UserName == "root";
        if (asPostgres)
        {
            await RunAsync("chown", "-R", "postgres:postgres", root);
        }
        var port = FreePort.Next();
        await RunAsync(asPostgres, Path.Combine(binDir, "initdb"), "-D", dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync");
        var server = new PostgresServer(binDir, root, port, asPostgres);
        RunCleanup.Register(server.StopCommandLine());
        RunCleanup.RemoveAtExit(root);
        await server.PgCtlAsync(StartArguments(root, port));
        return server;
    }

    /// <summary>Tests kill silos and stop the server, never lose its disk: durability settings only slow them down.</summary>
    private static string[] StartArguments(string root, int port) =>
        ["-l", Path.Combine(root, "server.log"), "-w", "start",
         "-o", $"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"];

    private Task PgCtlAsync(params string[] args) => RunAsync(_asPostgres, Path.Combine(_binDir, "pg_ctl"), ["-D", DataDir, .. args]);

    /// <summary>Stops the server when the run ends, whether a test left it running, stopped or started again.</summary>
    private string StopCommandLine()
    {
        var stop = string.Join(' ', new[] { Path.Combine(_binDir, "pg_ctl"), "-D", DataDir, "-m", "immediate", "stop" }.Select(RunCleanup.Quote));
        return _asPostgres ? $"runuser -u postgres -- {stop}" : stop;
    }

    private static string FindBinDir() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb"))).OrderDescending().FirstOrDefault() ?? NotInstalled()
            : NotInstalled();

    private static string NotInstalled() => throw new InvalidOperationException(
        "PostgreSQL server binaries (initdb, pg_ctl) were not found under /usr/lib/postgresql/*/bin. " +
        "Install them (Debian: apt-get install -y postgresql) or run .ci/run, which does.");

    private static Task RunAsync(bool asPostgres, string file, params string[] args) =>
        asPostgres ? RunAsync("runuser", ["-u", "postgres", "--", file, .. args]) : RunAsync(file, args);

    private static async Task RunAsync(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/tmp" };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}: {await output}{await error}");
        }
    }
}
