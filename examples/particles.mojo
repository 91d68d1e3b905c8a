# A struct with operators: a particle falling under gravity, bouncing on
# the floor, stepped with Euler's method.


@fieldwise_init
struct Vec2(ImplicitlyCopyable):
    var x: Float64
    var y: Float64

    def __add__(self, other: Self) -> Self:
        return Vec2(self.x + other.x, self.y + other.y)

    def __mul__(self, k: Float64) -> Self:
        return Vec2(self.x * k, self.y * k)

    def __rmul__(self, k: Float64) -> Self:
        return self * k

    def __iadd__(mut self, other: Self):
        self.x += other.x
        self.y += other.y


struct Particle:
    var position: Vec2
    var velocity: Vec2
    var bounces: Int

    def __init__(out self, x: Float64, y: Float64):
        self.position = Vec2(x, y)
        self.velocity = Vec2(1.0, 0.0)
        self.bounces = 0

    def step(mut self, dt: Float64):
        var gravity = Vec2(0.0, -9.81)
        self.velocity += dt * gravity
        self.position += self.velocity * dt
        if self.position.y < 0.0:
            self.position.y = -self.position.y
            self.velocity.y = -0.8 * self.velocity.y
            self.bounces += 1


def main():
    var p = Particle(0.0, 10.0)
    for _ in range(1000):
        p.step(0.01)
    print("after 10 s: x =", round(p.position.x, 3), "bounces =", p.bounces)
