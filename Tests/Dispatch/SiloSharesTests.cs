using TimerGrid.Grains.Dispatch;

namespace TimerGrid.Tests.Dispatch;

/// <summary>The limiter's split of a route's budget among silos: never more than the limit in the shares silos act on, and every silo with work gets some.</summary>
public sealed class SiloSharesTests
{
    private static readonly string[] Silos = ["a", "b", "c"];

    [Fact]
    public void Assign_SilosCallingInAnyOrderWithAnyDemand_SharesNeverExceedTheLimits()
    {
        const double Rate = 30;
        const int Slots = 4;
        var shares = new SiloShares();
        var acting = Silos.ToDictionary(s => s, _ => (Rate: 0.0, Slots: 0));
        var random = new Random(26);

        for (var call = 0; call < 5000; call++)
        {
            var silo = Silos[random.Next(Silos.Length)];
            var inFlight = Math.Min(acting[silo].Slots, random.Next(3));
            var (rate, slots) = shares.Assign(silo, random.Next(20), inFlight, random.Next(5), Rate, Slots, now: call);
            acting[silo] = (rate!.Value, slots!.Value);

            Assert.True(acting.Values.Sum(s => s.Rate) <= Rate + 1e-9, $"rate shares {acting.Values.Sum(s => s.Rate)} above {Rate}");
            Assert.True(acting.Values.Sum(s => s.Slots) <= Slots, $"slot shares {acting.Values.Sum(s => s.Slots)} above {Slots}");
        }
    }

    [Fact]
    public void Assign_ThreeSilosWithEqualBacklogs_EachGetsAThirdAfterARound()
    {
        var shares = new SiloShares();
        var last = new Dictionary<string, (double? Rate, int? Slots)>();
        for (var round = 0; round < 3; round++)
        {
            foreach (var silo in Silos)
            {
                last[silo] = shares.Assign(silo, queued: 100, inFlight: 0, started: 0, rate: 30, slots: 3, now: round * 100);
            }
        }

        Assert.All(Silos, s => Assert.Equal(10, last[s].Rate!.Value, precision: 6));
        Assert.All(Silos, s => Assert.Equal(1, last[s].Slots));
    }

    [Fact]
    public void Assign_ASiloThatStopsCalling_LosesItsShareAfterItExpires()
    {
        var shares = new SiloShares();
        shares.Assign("dead", queued: 100, inFlight: 0, started: 0, rate: 30, slots: 3, now: 0);

        var early = shares.Assign("alive", queued: 100, inFlight: 0, started: 0, rate: 30, slots: 3, now: 1000);
        var late = shares.Assign("alive", queued: 100, inFlight: 0, started: 0, rate: 30, slots: 3, now: SiloShares.ExpireAfterMs + 1);

        Assert.Equal((0.0, 0), (early.Rate!.Value, early.Slots!.Value));
        Assert.Equal((30.0, 3), (late.Rate!.Value, late.Slots!.Value));
    }
}
