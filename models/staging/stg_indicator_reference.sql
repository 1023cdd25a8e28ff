{#- The reviewed indicators, each with the key that next year's printing of it meets. -#}
with

source as (

    select * from {{ ref('indicator_reference') }}

),

final as (

    select
        {{ indicator_key('indicator') }} as indicator_key,
        indicator,
        unit,
        direction,
        justification
    from source

)

select * from final
