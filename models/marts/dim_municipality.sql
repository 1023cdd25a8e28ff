with

municipalities as (

    select * from {{ ref('stg_municipalities') }}

),

final as (

    select
        municipality_code,
        municipality,
        county_code,
        county
    from municipalities

)

select * from final
