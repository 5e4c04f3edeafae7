"""The values the fixture scripts in this folder draw: a linear congruential generator (glibc's constants) whose outputs
are multiples of 1/64 in [-16, 16), exact as float32, so Tandem reads the same numbers the script computed with."""


class Values:
    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (1103515245 * self.state + 12345) % 2**31
        return (self.state % 2048 - 1024) / 64.0
