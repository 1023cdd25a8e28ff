with

source as (

    select * from {{ ref('municipalities') }}

),

final as (

    select
        municipality_code,
        municipality,
        county_code,
        county
    from source

)

select * from final
