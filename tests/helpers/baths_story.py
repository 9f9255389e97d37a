"""A wire story about a swimming-baths closure and an uncredited rewrite of it, sentence by
sentence, shared by the reuse tests."""

SOURCE = [
    "The regional council of Talvik voted on Thursday to close the Hollin Street swimming baths after engineers found cracks in the main pool.",  # noqa: E501
    "Repairs would cost an estimated 3.4 million crowns, more than twice the council's yearly budget for leisure centres.",  # noqa: E501
    "About 900 swimmers used the baths each week, most of them pupils from four nearby schools.",
    "The council said pupils would be bussed to the Osterby pool from January while it looks for an investor.",  # noqa: E501
    "Opposition members called the vote rushed and demanded an independent survey of the building.",
    "The baths opened in 1936 and were listed as a protected building in 1989.",
]
REWRITE = [
    "Engineers discovered cracks in the Hollin Street baths' main pool, and on Thursday Talvik's regional council decided to shut the facility.",  # noqa: E501
    "Fixing the damage is estimated at 3.4 million crowns, over double what the council spends each year on its leisure centres.",  # noqa: E501
    "Roughly 900 swimmers went to the baths every week, mostly schoolchildren from four schools close by.",
    "From January pupils will travel by bus to the Osterby pool while the council searches for an investor.",
    "Members of the opposition said the decision was rushed and asked for an independent building survey.",
    "Built in 1936, the baths became a protected building in 1989.",
]
