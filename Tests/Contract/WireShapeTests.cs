using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Contract;

/// <summary>
/// Pins the serialized shape of the client contract. A renumbered [Id], a renamed [Alias] or a reordered enum breaks silos
/// and clients of other versions: it fails here. Adding a member is fine: review the change, then update wire-shape.txt
/// from the .received file the failure names.
/// </summary>
public sealed class WireShapeTests
{
    private static readonly string Pinned = Path.Combine(RepositoryRoot.Path, "Tests", "Contract", "wire-shape.txt");

    [Fact]
    public void WireTypes_ComparedWithThePinnedShape_AreUnchanged()
    {
        var actual = WireShape.Of(typeof(IJobGrain).Assembly);

        var received = Path.Combine(AppContext.BaseDirectory, "wire-shape.received.txt");
        File.WriteAllText(received, actual);
        Assert.True(File.ReadAllText(Pinned) == actual, $"The contract's wire shape changed; compare {Pinned} with {received}");
    }
}
